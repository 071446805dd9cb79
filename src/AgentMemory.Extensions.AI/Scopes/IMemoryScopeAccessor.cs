namespace AgentMemory.Extensions.AI;

/// <summary>
/// Supplies the memory scope of the current call when the call itself does not carry one (e.g. from the signed-in user
/// of an HTTP request). Register one in DI for <c>UseAgentMemory()</c> to find it.
/// </summary>
public interface IMemoryScopeAccessor
{
    /// <summary>The current scope, or null when there is none (the middleware then fails rather than guess).</summary>
    MemoryScope? Current { get; }
}
