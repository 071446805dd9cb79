namespace AgentMemory.Telemetry;

/// <summary>
/// Measures one store call (see <see cref="AgentMemoryInstrumentation.StartStoreCall"/>): used as
/// <c>using (var call = telemetry.StartStoreCall(store, "add")) { await call.Track(store.AddAsync(…)); }</c>. The default
/// value (nobody listens) does nothing and allocates nothing; disposing ends the span and records the duration.
/// </summary>
internal readonly struct StoreCall : IDisposable
{
    private readonly StoreCallState? _state;

    internal StoreCall(StoreCallState state) => _state = state;

    /// <summary>Awaits <paramref name="task"/>, recording its exception type (<c>error.type</c>) if it fails.</summary>
    public Task Track(Task task) => _state is null ? task : _state.TrackAsync(task);

    /// <summary>Awaits <paramref name="task"/>, recording its exception type (<c>error.type</c>) if it fails.</summary>
    public Task<T> Track<T>(Task<T> task) => _state is null ? task : _state.TrackAsync(task);

    /// <summary>Ends the span and records <c>db.client.operation.duration</c>.</summary>
    public void Dispose() => _state?.Stop();
}
