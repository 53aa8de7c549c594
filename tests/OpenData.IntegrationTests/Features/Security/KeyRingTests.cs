using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Infrastructure.Data;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Security;

/// <summary>The key ring in the database is encrypted with a certificate outside it: the database alone decrypts nothing.</summary>
public abstract class KeyRingTests(PortalFactory factory)
{
    [Fact]
    public async Task The_database_alone_does_not_decrypt_an_id_number_but_with_the_certificate_it_does()
    {
        var form = NewRegistration();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await factory.CreateBrowserClient().PostRegistrationAsync(form)).StatusCode);
        var cipher = await WithDbAsync(factory, db => db.Users.Where(u => u.UserName == form["Input.UserName"]).Select(u => u.IdNumberCipher).SingleAsync());
        var keys = await WithDbAsync(factory, db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => { Assert.Contains("encryptedSecret", xml); Assert.DoesNotContain("requiresEncryption", xml); });

        // What a thief has: the key rows copied out of the database.
        var stolen = Directory.CreateTempSubdirectory("odp-stolen-keys-");
        try
        {
            for (var i = 0; i < keys.Count; i++) await File.WriteAllTextAsync(Path.Combine(stolen.FullName, $"key-{i}.xml"), keys[i]);
            var databaseOnly = DataProtectionProvider.Create(stolen, b => b.SetApplicationName("OpenData.Lishui").DisableAutomaticKeyGeneration());
            Assert.ThrowsAny<CryptographicException>(() => databaseOnly.CreateProtector("OpenData.IdNumber.v1").Unprotect(cipher));

            var certPath = Path.Combine(factory.DataDir, KeyRingProtection.DefaultFolder, KeyRingProtection.DefaultFile);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certPath));
            var certificate = KeyRingProtection.LoadOrCreate(certPath, null, create: false);
            var withCertificate = DataProtectionProvider.Create(stolen,
                b => b.SetApplicationName("OpenData.Lishui").DisableAutomaticKeyGeneration().UnprotectKeysWithAnyCertificate(certificate));
            Assert.Equal(form["Input.IdNumber"], withCertificate.CreateProtector("OpenData.IdNumber.v1").Unprotect(cipher));
        }
        finally { stolen.Delete(recursive: true); }
    }
}

public sealed class KeyRingTestsSqlite(SqlitePortalFactory f) : KeyRingTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class KeyRingTestsPostgres(PostgresPortalFactory f) : KeyRingTests(f), IClassFixture<PostgresPortalFactory>;
