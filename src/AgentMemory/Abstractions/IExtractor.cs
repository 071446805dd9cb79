namespace AgentMemory;

/// <summary>Turns conversation messages into candidate memories.</summary>
public interface IExtractor
{
    /// <summary>Proposes memories for the request's messages. Returns an empty list when nothing is worth remembering.</summary>
    /// <exception cref="ModelOutputException">A model-backed extractor got unusable output after its retries.</exception>
    Task<IReadOnlyList<MemoryCandidate>> ExtractAsync(ExtractionRequest request, CancellationToken cancellationToken = default);
}
