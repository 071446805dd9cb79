using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AgentMemory.Conformance;

/// <summary>
/// Discovers <see cref="CapabilityFactAttribute"/> facts: a normal test case when the test class declares every required
/// capability, else a skipped one whose reason names the missing capabilities.
/// </summary>
public sealed class CapabilityFactDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _diagnostics;

    /// <summary>Creates the discoverer (xunit passes its diagnostic sink).</summary>
    public CapabilityFactDiscoverer(IMessageSink diagnosticMessageSink) => _diagnostics = diagnosticMessageSink;

    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(factAttribute);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var required = factAttribute.GetConstructorArguments().OfType<StoreCapabilities>().SingleOrDefault();
        var missing = required & ~Declared(testMethod.TestClass.Class.ToRuntimeType());
        if (factAttribute.GetNamedArgument<string>(nameof(FactAttribute.Skip)) is null && missing != StoreCapabilities.None)
        {
            return [new XunitSkippedDataRowTestCase(_diagnostics, display, displayOptions, testMethod, $"The store under test does not declare the capability {missing} ([StoreCapabilities]).")];
        }

        return [new XunitTestCase(_diagnostics, display, displayOptions, testMethod)];
    }

    /// <summary>The capabilities <paramref name="testClass"/> (or a base class) declares.</summary>
    internal static StoreCapabilities Declared(Type? testClass)
        => testClass?.GetCustomAttribute<StoreCapabilitiesAttribute>(inherit: true)?.Capabilities ?? StoreCapabilities.None;
}
