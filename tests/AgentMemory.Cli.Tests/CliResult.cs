namespace AgentMemory.Cli.Tests;

/// <summary>What a command returned and printed.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error);
