using System.Diagnostics;

namespace AgentMemory.Telemetry;

/// <summary>The state of one measured store call (only allocated when someone listens).</summary>
internal sealed class StoreCallState
{
    private readonly AgentMemoryInstrumentation _telemetry;
    private readonly Activity? _activity;
    private readonly string _system;
    private readonly string _operation;
    private readonly long _started = Stopwatch.GetTimestamp();
    private string? _errorType;

    public StoreCallState(AgentMemoryInstrumentation telemetry, Activity? activity, string system, string operation)
    {
        _telemetry = telemetry;
        _activity = activity;
        _system = system;
        _operation = operation;
    }

    public async Task TrackAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Fail(ex);
            throw;
        }
    }

    public async Task<T> TrackAsync<T>(Task<T> task)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Fail(ex);
            throw;
        }
    }

    public void Stop()
    {
        var duration = _telemetry.StoreDuration;
        if (duration.Enabled)
        {
            var tags = new TagList
            {
                { SemanticConventions.DbSystemName, _system },
                { SemanticConventions.DbOperationName, _operation },
            };
            if (_errorType is not null)
            {
                tags.Add(SemanticConventions.ErrorType, _errorType);
            }

            duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }

        _activity?.Dispose();
    }

    private void Fail(Exception exception)
    {
        _errorType = exception.GetType().FullName;
        AgentMemoryInstrumentation.SetError(_activity, exception);
    }
}
