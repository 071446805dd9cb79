using System.Collections.Concurrent;
using System.Diagnostics;

namespace AgentMemory.Sqlite.Tests.Durability;

/// <summary>Runs <c>AgentMemory.Sqlite.CrashWriter</c> as a child process and collects the ids it acknowledges.</summary>
internal sealed class ChildWriter : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _firstAck = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChildWriter(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AgentMemory.Sqlite.CrashWriter.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _exited.TrySetResult();
                return;
            }

            // A line cut short by the kill does not parse and is not an acknowledgement.
            if (e.Data.StartsWith("ack ", StringComparison.Ordinal) && e.Data.Length == 40 && Guid.TryParse(e.Data.AsSpan(4), out var id))
            {
                Acknowledged.Add(id);
                _firstAck.TrySetResult();
            }
            else
            {
                Lines.Add(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Lines.Add("stderr: " + e.Data);
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public ConcurrentBag<Guid> Acknowledged { get; } = [];

    public ConcurrentBag<string> Lines { get; } = [];

    public Task FirstAck => _firstAck.Task;

    /// <summary>SIGKILL: no chance to flush or clean up.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await _exited.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        await _exited.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
