namespace AgentMemory.Cli;

/// <summary>Where a command writes: tables for people, raw text (JSON) for pipes, errors to stderr; and the environment it reads.</summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, Func<string, string?> environment, bool interactive)
    {
        Output = output;
        Error = error;
        Environment = environment;
        Interactive = interactive;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            Ansi.Profile.Width = 160;
        }
    }

    /// <summary>Tables and markup, to standard output.</summary>
    public IAnsiConsole Ansi { get; }

    /// <summary>Standard output, unformatted (exports, JSON).</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: messages, logs.</summary>
    public TextWriter Error { get; }

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>Whether a person is at the terminal (prompts allowed).</summary>
    public bool Interactive { get; }

    public static CliConsole CreateDefault() => new(
        Console.Out,
        Console.Error,
        System.Environment.GetEnvironmentVariable,
        !Console.IsInputRedirected && !Console.IsOutputRedirected);
}
