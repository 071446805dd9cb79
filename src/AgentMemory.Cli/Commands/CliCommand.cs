namespace AgentMemory.Cli.Commands;

/// <summary>
/// The shape every <c>agentmemory</c> command shares: the common options (all of them, or only <c>--db</c> for the
/// file-level commands), the command's own options and arguments, and a body run by <see cref="CommandRunner"/> with
/// the settings read from the parsed options.
/// </summary>
internal static class CliCommand
{
    /// <summary>Creates a command.</summary>
    /// <param name="console">The console the body writes to.</param>
    /// <param name="name">The command's name.</param>
    /// <param name="description">The command's help text.</param>
    /// <param name="symbols">The command's own options and arguments, added after the common options.</param>
    /// <param name="body">What the command does; its result is the exit code.</param>
    /// <param name="fileOnly">Whether the command works on the file as a whole, so it takes only <c>--db</c>.</param>
    public static Command Create(CliConsole console, string name, string description, Symbol[] symbols, Func<CliInvocation, Task<int>> body, bool fileOnly = false)
    {
        var common = new CommonOptions();
        var command = new Command(name, description);
        if (fileOnly)
        {
            command.Add(common.Db);
        }
        else
        {
            common.AddTo(command);
        }

        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Add(option);
                    break;
                case Argument argument:
                    command.Add(argument);
                    break;
                default:
                    throw new ArgumentException($"Not an option or argument: {symbol.Name}.", nameof(symbols));
            }
        }

        command.SetAction((result, ct) => CommandRunner.RunAsync(
            console,
            () => body(new CliInvocation(result, common, common.Read(result, console), console, ct))));
        return command;
    }
}
