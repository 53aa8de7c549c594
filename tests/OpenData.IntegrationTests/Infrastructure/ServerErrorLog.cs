using Microsoft.Extensions.Logging;

namespace OpenData.IntegrationTests.Infrastructure;

/// <summary>
/// Errors the app logs while tests run, appended to one file (OPENDATA_TEST_SERVER_LOG; scripts/test.sh prints its
/// end when a run fails). A test only sees "500"; the exception behind it is here.
/// </summary>
public sealed class ServerErrorLog(string provider) : ILoggerProvider
{
    private static readonly Lock Gate = new();
    private static readonly string FilePath = Environment.GetEnvironmentVariable("OPENDATA_TEST_SERVER_LOG")
        ?? Path.Combine(Path.GetTempPath(), "odp-it-server-errors.log");

    public ILogger CreateLogger(string categoryName) => new Logger(provider, categoryName);
    public void Dispose() { }

    private sealed class Logger(string provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"{DateTime.UtcNow:HH:mm:ss.fff} [{provider}] {logLevel} {category}: {formatter(state, exception)}\n{exception}\n";
            lock (Gate) File.AppendAllText(FilePath, line);
        }
    }
}
