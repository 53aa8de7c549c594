using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace OpenData.Web.Features.Accounts;

/// <summary>"OpenData:SignIn" settings (docs/configuration.md).</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "OpenData:SignIn";
    /// <summary>Failed sign-ins one client address may make within the window before it is refused for the rest of it.</summary>
    public int FailuresPerAddress { get; set; } = 20;
    public int WindowMinutes { get; set; } = 15;
}

/// <summary>
/// Counts failed sign-ins in memory (per node): per client address, so one client cannot try passwords or lock
/// accounts without end, and per unknown login name, so an unknown name is "locked" after as many failures as a
/// real account is and the lockout message no longer tells which names exist. Real accounts keep Identity's
/// lockout in the database.
/// </summary>
public sealed class LoginThrottle(IMemoryCache cache, IOptions<SignInThrottleOptions> options, IOptions<Microsoft.AspNetCore.Identity.IdentityOptions> identity)
{
    private sealed class Counter { public int Failures; }

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.WindowMinutes);

    public bool AddressBlocked(string? address) =>
        cache.TryGetValue(AddressKey(address), out Counter? c) && c!.Failures >= options.Value.FailuresPerAddress;

    public void AddressFailed(string? address) => Count(AddressKey(address), Window);

    /// <summary>Records a failure for a login name that does not exist; true once it is "locked" like a real account.</summary>
    public bool UnknownNameFailed(string userName)
    {
        var lockout = identity.Value.Lockout;
        return Count("signin:name:" + userName.ToLowerInvariant(), lockout.DefaultLockoutTimeSpan) >= lockout.MaxFailedAccessAttempts;
    }

    private int Count(string key, TimeSpan window)
    {
        // The window starts at the first failure (absolute expiry), as Identity's lockout does.
        var c = cache.GetOrCreate(key, e => { e.AbsoluteExpirationRelativeToNow = window; e.Size = 1; return new Counter(); })!;
        return Interlocked.Increment(ref c.Failures);
    }

    private static string AddressKey(string? address) => "signin:addr:" + (address ?? "unknown");
}
