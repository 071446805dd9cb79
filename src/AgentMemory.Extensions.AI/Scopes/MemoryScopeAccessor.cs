namespace AgentMemory.Extensions.AI;

/// <summary>An <see cref="IMemoryScopeAccessor"/> backed by an <see cref="AsyncLocal{T}"/>: set the scope for a logical call flow.</summary>
public sealed class MemoryScopeAccessor : IMemoryScopeAccessor
{
    private readonly AsyncLocal<MemoryScope?> _current = new();

    /// <inheritdoc />
    public MemoryScope? Current
    {
        get => _current.Value;
        set => _current.Value = value;
    }
}
