using Microsoft.Extensions.Options;

namespace AgentMemory.Tests;

internal sealed class StaticOptionsMonitor(AgentMemoryOptions value) : IOptionsMonitor<AgentMemoryOptions>
{
    public AgentMemoryOptions CurrentValue => value;

    public AgentMemoryOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<AgentMemoryOptions, string?> listener) => null;
}
