using Microsoft.Extensions.AI;

namespace AgentMemory.Extensions.AI;

/// <summary>Typed access to the <see cref="MemoryScope"/> a <see cref="ChatOptions"/> carries for <see cref="MemoryChatClient"/>.</summary>
/// <remarks>
/// The scope travels in <see cref="ChatOptions.AdditionalProperties"/> under <see cref="MemoryChatOptions.ScopePropertyName"/>
/// (so it survives cloning and passes through other middleware); these methods are the typed way to set and read it.
/// </remarks>
public static class MemoryChatOptionsExtensions
{
    /// <summary>Sets the memory scope of calls made with <paramref name="options"/>, and returns the same options.</summary>
    /// <param name="options">The chat options.</param>
    /// <param name="scope">The scope whose memories are recalled and formed.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="scope"/> is null.</exception>
    public static ChatOptions WithMemoryScope(this ChatOptions options, MemoryScope scope)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scope);
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[MemoryChatOptions.ScopePropertyName] = scope;
        return options;
    }

    /// <summary>The memory scope <paramref name="options"/> carries, or null when it carries none.</summary>
    /// <param name="options">The chat options (null: no scope).</param>
    /// <returns>The scope, or null.</returns>
    /// <exception cref="MissingMemoryScopeException">The property is set to something other than a <see cref="MemoryScope"/>.</exception>
    public static MemoryScope? GetMemoryScope(this ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } properties || !properties.TryGetValue(MemoryChatOptions.ScopePropertyName, out var value))
        {
            return null;
        }

        return value as MemoryScope
            ?? throw new MissingMemoryScopeException($"ChatOptions.AdditionalProperties[\"{MemoryChatOptions.ScopePropertyName}\"] must hold a MemoryScope, not {value?.GetType().Name ?? "null"}.");
    }
}
