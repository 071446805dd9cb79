using AgentMemory.Cli.Setup;

namespace AgentMemory.Cli.Tests;

/// <summary>Runs agentmemory commands in-process against a temporary memory file, offline whatever the machine's environment.</summary>
internal sealed class CliHarness : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("agentmemory-cli-");

    public CliHarness() => Db = File("memory.db");

    public string Db { get; }

    public string File(string name) => Path.Combine(_dir.FullName, name);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(error), _ => null, interactive: false);
        var code = await CliApplication.RunAsync(args, console, CancellationToken.None);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Opens the file as the commands do, to seed or check it.</summary>
    public MemorySession Open(string user = "alice")
        => MemorySession.Open(new CliSettings(Db, "local", user, null, true), new CliConsole(TextWriter.Null, TextWriter.Null, _ => null, false), create: true);

    public async Task<Guid> SaveAsync(string user, string text, string? topic = null, MemoryKind kind = MemoryKind.Semantic)
    {
        await using var session = Open(user);
        var outcome = await session.Memory.SaveAsync(MemoryScope.ForUser("local", user), new MemoryCandidate { Kind = kind, Text = text, Topic = topic });
        return outcome.Record!.Id;
    }

    public byte[] Snapshot() => System.IO.File.Exists(Db) ? System.IO.File.ReadAllBytes(Db) : [];

    public void Dispose()
    {
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
