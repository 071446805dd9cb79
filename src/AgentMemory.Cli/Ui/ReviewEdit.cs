namespace AgentMemory.Cli.Ui;

/// <summary>An edit from the review page.</summary>
internal sealed record ReviewEdit(string? Text, string? Topic);
