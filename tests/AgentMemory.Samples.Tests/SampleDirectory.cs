namespace AgentMemory.Samples.Tests;

/// <summary>A fresh working directory for one sample run (its database files land here), deleted afterwards.</summary>
internal sealed class SampleDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("agentmemory-sample-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
