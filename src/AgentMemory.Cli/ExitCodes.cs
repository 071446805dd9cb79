namespace AgentMemory.Cli;

/// <summary>The command's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and found a problem (verify) or failed at run time.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: a missing file, malformed JSON, an unsafe option; nothing was changed.</summary>
    public const int BadInput = 2;
}
