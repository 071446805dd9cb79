using Microsoft.Extensions.Logging;

namespace AgentMemory.Tests.Security.Support;

/// <summary>Captures every log message and every structured value, to prove no memory text reaches the logs.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    public List<string> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Entries.Add(formatter(state, exception));
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            Entries.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
        }
    }
}
