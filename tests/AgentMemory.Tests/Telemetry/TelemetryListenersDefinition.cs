namespace AgentMemory.Tests.Telemetry;

/// <summary>
/// Tests that listen to every <c>AgentMemory</c> source and meter in the process run alone, so measurements of other
/// tests' containers do not mix into theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryListenersDefinition
{
    public const string Name = "Telemetry (process-wide listeners)";
}
