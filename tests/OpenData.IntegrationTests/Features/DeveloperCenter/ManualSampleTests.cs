using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using OpenData.IntegrationTests.Infrastructure;

namespace OpenData.IntegrationTests.Features.DeveloperCenter;

/// <summary>
/// The code blocks of the manual's 接入指南, taken from the rendered page (what a developer copies), run with
/// the real runtimes; each must compute the signature of the test vector in api-signing.md.
/// </summary>
public sealed partial class ManualSampleTests(SqlitePortalFactory factory) : IClassFixture<SqlitePortalFactory>
{
    private const string Expected = "X-ODP-Signature: /VOqcDraO+ATqSq6FqQrrWdxUjU8Ca0TikH0/busDsE=";
    private const string StringToSignLast = "4702696e8351797a584690d2b0607926eb6c767c170dcc47f708c5160adbabff";

    [GeneratedRegex("<code class=\"language-(?<lang>[a-z]+)\">(?<code>.*?)</code>", RegexOptions.Singleline)]
    private static partial Regex CodeRegex();

    private async Task<string> SampleAsync(string lang)
    {
        var html = await factory.CreateClient().GetStringAsync("/developer/docs/access-guide");
        var block = CodeRegex().Matches(html).Single(m => m.Groups["lang"].Value == lang);
        return WebUtility.HtmlDecode(block.Groups["code"].Value);
    }

    private static async Task<string> RunAsync(string code, string file, string exe, string args)
    {
        var dir = Directory.CreateTempSubdirectory("odp-manual-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, file), code);
            var psi = new ProcessStartInfo(exe, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await p.WaitForExitAsync(cts.Token);
            var output = await stdout + await stderr;
            Assert.True(p.ExitCode == 0, output);
            return output;
        }
        finally { try { Directory.Delete(dir, true); } catch (IOException) { } }
    }

    [Theory]
    [InlineData("python", "sign.py", "python3", "sign.py")]
    [InlineData("javascript", "sign.mjs", "node", "sign.mjs")]
    [InlineData("java", "Sign.java", "java", "Sign.java")]
    [InlineData("bash", "sign.sh", "bash", "sign.sh")]
    [InlineData("csharp", "sign.cs", "dotnet", "run sign.cs")]
    public async Task The_access_guide_sample_computes_the_test_vector_signature(string lang, string file, string exe, string args)
    {
        var output = await RunAsync(await SampleAsync(lang), file, exe, args);
        Assert.Contains(StringToSignLast, output);
        Assert.Contains(Expected, output);
    }
}
