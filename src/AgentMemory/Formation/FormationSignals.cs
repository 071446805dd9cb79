namespace AgentMemory.Formation;

/// <summary>In-process wake-ups between callers, the hosted worker and <c>FlushAsync</c> (the outbox stays the source of truth).</summary>
internal sealed class FormationSignals
{
    private TaskCompletionSource _enqueued = NewSource();
    private TaskCompletionSource _progress = NewSource();
    private int _workers;

    /// <summary>Whether a hosted worker is running in this process.</summary>
    public bool WorkerRunning => Volatile.Read(ref _workers) > 0;

    public Task Enqueued => Volatile.Read(ref _enqueued).Task;

    public Task Progress => Volatile.Read(ref _progress).Task;

    public void WorkerStarted() => Interlocked.Increment(ref _workers);

    public void WorkerStopped() => Interlocked.Decrement(ref _workers);

    public void SignalEnqueued() => Interlocked.Exchange(ref _enqueued, NewSource()).TrySetResult();

    public void SignalProgress() => Interlocked.Exchange(ref _progress, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
