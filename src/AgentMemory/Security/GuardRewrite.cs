namespace AgentMemory.Security;

/// <summary>One rewrite a guard applied in the chain.</summary>
/// <param name="Guard">The guard's type name.</param>
/// <param name="Reason">The guard's reason, if it gave one.</param>
internal readonly record struct GuardRewrite(string Guard, string? Reason);
