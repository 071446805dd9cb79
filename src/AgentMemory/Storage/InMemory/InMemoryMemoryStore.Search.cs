using System.Runtime.CompilerServices;

namespace AgentMemory.Storage.InMemory;

internal sealed partial class InMemoryMemoryStore
{
    /// <inheritdoc />
    public Task<MemorySearchResult> SearchAsync(MemorySearchRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var useVector = CandidateSearch.Validate(request, Dimension);
        var useText = !string.IsNullOrWhiteSpace(request.Text);
        var now = _time.GetUtcNow();
        _gate.EnterReadLock();
        try
        {
            var indexes = new List<ScopeIndex>(4);
            foreach (var p in Covered(request.Scope, ScopeMatch.Visible))
            {
                indexes.Add(p.Index);
            }

            return Task.FromResult(CandidateSearch.Search(indexes, request, now, useVector, useText));
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }
}
