using System.Text.RegularExpressions;

namespace AgentMemory.Cli.Tests.Hosting;

/// <summary>A long-running command (mcp --http, ui) started in-process; stopped by cancellation.</summary>
internal sealed class RunningCommand : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly Task<int> _run;

    public RunningCommand(params string[] args)
    {
        var console = new CliConsole(TextWriter.Synchronized(_output), TextWriter.Synchronized(_error), _ => null, interactive: false);
        _run = Task.Run(() => CliApplication.RunAsync(args, console, _stop.Token));
    }

    public string Output => _output.ToString();

    public string Error => _error.ToString();

    /// <summary>Waits for the first http://127.0.0.1:PORT… the command prints.</summary>
    public async Task<string> WaitForUrlAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var match = Regex.Match(Output + Error, @"http://127\.0\.0\.1:\d+\S*");
            if (match.Success)
            {
                return match.Value.TrimEnd('.', ';');
            }

            if (_run.IsCompleted)
            {
                throw new InvalidOperationException($"The command ended ({await _run}) before listening: {Error}");
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("No URL printed: " + Output + Error);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
