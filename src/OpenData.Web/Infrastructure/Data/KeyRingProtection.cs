using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace OpenData.Web.Infrastructure.Data;

/// <summary>"OpenData:DataProtection" settings (docs/configuration.md, backups in docs/operations.md).</summary>
public sealed class KeyRingSettings
{
    public const string Section = "OpenData:DataProtection";
    /// <summary>PKCS#12 (.pfx) file whose key encrypts the key ring; default "keys/dataprotection.pfx" in the data directory, created on first start.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}

/// <summary>
/// The data-protection key ring lives in the catalog database so every node shares it (ADR 0004), but a copy of
/// the database alone must not decrypt ID numbers, phone numbers and app secrets: every key is stored encrypted
/// with a certificate that is kept outside the database (ADR 0130). Production and several nodes name one
/// certificate file in the configuration; the embedded default creates its own on first start, readable by the
/// owner only. The backup command leaves the certificate out: it is backed up separately.
/// </summary>
public static class KeyRingProtection
{
    public const string DefaultFolder = "keys";
    public const string DefaultFile = "dataprotection.pfx";

    public static IDataProtectionBuilder ProtectKeysWithPortalCertificate(this IDataProtectionBuilder builder, IConfiguration config, string contentRoot)
    {
        var settings = config.GetSection(KeyRingSettings.Section).Get<KeyRingSettings>() ?? new();
        var path = settings.CertificatePath is { Length: > 0 } p
            ? Path.GetFullPath(p, contentRoot)
            : Path.Combine(OpenDataOptions.ResolveDataDir(config, contentRoot), DefaultFolder, DefaultFile);
        var certificate = LoadOrCreate(path, settings.CertificatePassword, create: settings.CertificatePath is not { Length: > 0 });
        // Decryption needs the certificate too: on Linux there is no machine store where it would be looked up.
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    public static X509Certificate2 LoadOrCreate(string path, string? password, bool create)
    {
        if (File.Exists(path))
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.Exportable);
        if (!create)
            throw new InvalidOperationException($"找不到加密数据保护密钥的证书文件：{path}（OpenData:DataProtection:CertificatePath）");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=OpenData.Lishui data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        var bytes = created.Export(X509ContentType.Pkcs12, password);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var file = new FileStream(path, options)) file.Write(bytes);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (a second start at the same moment) wrote it first: use that one.
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.Exportable);
    }
}
