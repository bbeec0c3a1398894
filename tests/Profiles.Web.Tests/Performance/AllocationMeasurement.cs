namespace Profiles.Web.Tests.Performance;

/// <summary>Bytes allocated by the whole test process per call of a request, averaged over many sequential calls. Process-wide
/// on purpose (a request hops threads), so it includes the in-memory test client's share, and the measuring classes run in
/// the <see cref="AllocationMeasurementCollection"/>, alone.</summary>
internal static class AllocationMeasurement
{
    public static async Task<double> BytesPerRequestAsync(HttpClient client, string path, int requests)
    {
        // Warm: the first views compile views and fill caches (route values, view lookups, loggers) once per process.
        for (var i = 0; i < 20; i++)
        {
            await GetAsync(client, path);
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < requests; i++)
        {
            await GetAsync(client, path);
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)requests;
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.LoadIntoBufferAsync();
    }
}
