using Xunit.Sdk;

namespace AgentMemory.Conformance;

/// <summary>
/// A fact that needs store capabilities: it runs for test classes whose <see cref="StoreCapabilitiesAttribute"/> declares
/// them all and is reported as skipped (naming what is missing) for the others.
/// </summary>
[XunitTestCaseDiscoverer("AgentMemory.Conformance.CapabilityFactDiscoverer", "AgentMemory.Conformance")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CapabilityFactAttribute : FactAttribute
{
    /// <summary>Requires <paramref name="required"/>.</summary>
    public CapabilityFactAttribute(StoreCapabilities required) => Required = required;

    /// <summary>The capabilities the fact needs.</summary>
    public StoreCapabilities Required { get; }
}
