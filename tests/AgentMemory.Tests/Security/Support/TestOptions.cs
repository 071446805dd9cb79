using Microsoft.Extensions.Options;

namespace AgentMemory.Tests.Security.Support;

/// <summary>A fixed options monitor.</summary>
public sealed class TestOptions(AgentMemoryOptions value) : IOptionsMonitor<AgentMemoryOptions>
{
    public AgentMemoryOptions CurrentValue { get; } = value;

    public static TestOptions Default(Action<AgentMemoryOptions>? configure = null)
    {
        var o = new AgentMemoryOptions();
        configure?.Invoke(o);
        return new TestOptions(o);
    }

    public AgentMemoryOptions Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<AgentMemoryOptions, string?> listener) => null;
}
