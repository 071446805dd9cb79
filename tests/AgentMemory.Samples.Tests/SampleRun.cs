namespace AgentMemory.Samples.Tests;

/// <summary>What a sample printed and how it ended.</summary>
internal sealed record SampleRun(int ExitCode, string Output, string Error);
