using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentMemory.Cli.Import;

/// <summary>
/// Reads a whole file, validates every record, embeds them with the configured model and writes them in ONE SQLite
/// transaction: a file that is malformed anywhere, or a record the store rejects, changes nothing.
/// </summary>
internal static class MemoryImporter
{
    private const int EmbeddingBatch = 64;

    /// <summary>Parses <paramref name="path"/> in <paramref name="format"/> (or the one its shape shows).</summary>
    /// <exception cref="CliException">The file is missing, not JSON, or not in a known format.</exception>
    public static async Task<(ImportFormat Format, IReadOnlyList<MemoryRecord> Records)> ReadAsync(string path, ImportFormat format, ImportTarget target, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"No file at '{path}'.");
        }

        JsonDocument document;
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                document = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new CliException($"'{path}' is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): nothing was imported.", ExitCodes.BadInput, ex);
            }
        }

        using (document)
        {
            var root = document.RootElement;
            if (format == ImportFormat.Auto)
            {
                format = AgentMemoryExportReader.Looks(root) ? ImportFormat.AgentMemory
                    : Mem0ExportReader.Looks(root) ? ImportFormat.Mem0
                    : throw new CliException($"'{path}' is neither an AgentMemory export nor Mem0 memories JSON: nothing was imported.");
            }

            var records = format == ImportFormat.AgentMemory ? AgentMemoryExportReader.Read(root, target) : Mem0ExportReader.Read(root, target);
            var duplicate = records.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
            return duplicate is not null
                ? throw new CliException($"The id {duplicate.Key} appears more than once: nothing was imported.")
                : (format, records);
        }
    }

    /// <summary>
    /// Stores the records not already present; all or nothing. With <paramref name="screen"/> (memories from another
    /// system) each record first goes through the same guard chain as formed memories: a blocked one (e.g. an instruction
    /// planted to change how the assistant behaves) is not imported and is reported, a redacted one is imported redacted.
    /// An AgentMemory export is a restore of memories that passed the guards when they were formed, and is imported as is.
    /// </summary>
    /// <returns>How many were added, how many were already there (same id), and the records the guards blocked, with why.</returns>
    public static async Task<ImportResult> WriteAsync(MemorySession session, IReadOnlyList<MemoryRecord> records, bool screen, CancellationToken cancellationToken)
    {
        var fresh = new List<MemoryRecord>(records.Count);
        var blocked = new List<(MemoryRecord Record, string Reason)>();
        var guards = screen ? session.Services.GetRequiredService<Security.MemoryGuardChain>() : null;
        foreach (var record in records)
        {
            if (await session.Store.GetAsync(record.Scope, record.Id, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            if (guards is null)
            {
                fresh.Add(record);
                continue;
            }

            var candidate = MemoryCandidate.From(record);
            var verdict = await guards.RunAsync(candidate, new GuardContext(record.Scope, []), cancellationToken).ConfigureAwait(false);
            if (verdict.IsBlocked)
            {
                blocked.Add((record, verdict.Reason ?? "blocked"));
                continue;
            }

            var screened = verdict.Candidate;
            fresh.Add(record with { Kind = screened.Kind, Text = screened.Text, Context = screened.Context, Topic = screened.Topic, Metadata = screened.Metadata });
        }

        var embedder = session.Services.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryBuilder.ServiceKey);
        var embedded = new List<MemoryRecord>(fresh.Count);
        foreach (var batch in fresh.Chunk(EmbeddingBatch))
        {
            var vectors = await embedder.GenerateAsync(batch.Select(r => r.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (vectors.Count != batch.Length)
            {
                throw new CliException($"The embedding model returned {vectors.Count} vectors for {batch.Length} texts: nothing was imported.", ExitCodes.Failed);
            }

            embedded.AddRange(batch.Select((r, i) => r with { Embedding = vectors[i].Vector }));
        }

        try
        {
            await session.Store.AddRangeAsync(embedded, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidMemoryException ex)
        {
            throw new CliException($"A memory was rejected ({ex.Message}): nothing was imported.", ExitCodes.BadInput, ex);
        }
        catch (MemoryConcurrencyException ex)
        {
            throw new CliException($"{ex.Message} Nothing was imported.", ExitCodes.BadInput, ex);
        }

        return new ImportResult(embedded.Count, records.Count - embedded.Count - blocked.Count, blocked);
    }
}
