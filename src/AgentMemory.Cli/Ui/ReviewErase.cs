namespace AgentMemory.Cli.Ui;

/// <summary>An erase request from the review page; <see cref="Confirm"/> must be "ERASE".</summary>
internal sealed record ReviewErase(string? Confirm);
