namespace AgentMemory.Conformance;

/// <summary>
/// Declares the capabilities of a store's conformance test class; facts needing a capability the class does not
/// declare (<see cref="CapabilityFactAttribute"/>) are reported as skipped, never as passed. Inherited by subclasses.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class StoreCapabilitiesAttribute : Attribute
{
    /// <summary>Declares <paramref name="capabilities"/>.</summary>
    public StoreCapabilitiesAttribute(StoreCapabilities capabilities) => Capabilities = capabilities;

    /// <summary>The declared capabilities.</summary>
    public StoreCapabilities Capabilities { get; }
}
