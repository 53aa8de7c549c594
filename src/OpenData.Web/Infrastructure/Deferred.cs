namespace OpenData.Web.Infrastructure;

/// <summary>
/// A scoped service resolved on first use. Services on the signed gateway's path (settings, limits, quota) need the
/// catalog only on a cache miss; injecting the DbContext directly built one on every call (ADR 0051).
/// </summary>
public sealed class Deferred<T>(IServiceProvider services) where T : notnull
{
    private T? _value;
    public T Value => _value ??= services.GetRequiredService<T>();
}
