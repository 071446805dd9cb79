namespace AgentMemory.Cli;

/// <summary>A failure to report to the user as one line on stderr, with the exit code to return.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.BadInput, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public CliException()
    {
    }

    public CliException(string message)
        : this(message, ExitCodes.BadInput)
    {
    }

    public CliException(string message, Exception innerException)
        : this(message, ExitCodes.BadInput, innerException)
    {
    }

    public int ExitCode { get; } = ExitCodes.BadInput;
}
