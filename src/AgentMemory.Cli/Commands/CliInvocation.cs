namespace AgentMemory.Cli.Commands;

/// <summary>One run of a command: what was parsed, the settings read from it, the console and the cancellation.</summary>
/// <param name="Result">The parsed command line.</param>
/// <param name="Common">The common options, to ask whether one was given explicitly.</param>
/// <param name="Settings">The file and scope, from the options, the environment and the defaults.</param>
/// <param name="Console">The console.</param>
/// <param name="CancellationToken">Cancelled when the user interrupts the command.</param>
internal sealed record CliInvocation(ParseResult Result, CommonOptions Common, CliSettings Settings, CliConsole Console, CancellationToken CancellationToken)
{
    /// <summary>The value of one of the command's options.</summary>
    public T? Get<T>(Option<T> option) => Result.GetValue(option);

    /// <summary>The value of one of the command's arguments.</summary>
    public T? Get<T>(Argument<T> argument) => Result.GetValue(argument);

    /// <summary>Opens the memory file of <see cref="Settings"/> (creating it only when <paramref name="create"/>).</summary>
    public MemorySession OpenSession(bool create = false) => MemorySession.Open(Settings, Console, create);
}
