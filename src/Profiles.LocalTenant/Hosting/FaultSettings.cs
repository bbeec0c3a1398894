namespace Profiles.LocalTenant.Hosting;

/// <summary>Faults injected into API answers, for tests and benchmarks.</summary>
public sealed class FaultSettings
{
    /// <summary>Fixed latency added to every API answer, in milliseconds.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Uniform random latency added on top of <see cref="LatencyMs"/>, in milliseconds.</summary>
    public int JitterMs { get; set; }

    /// <summary>Share (0..1) of API requests answered with a 5xx.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Share (0..1) of API requests whose connection is dropped without an answer.</summary>
    public double DropRate { get; set; }

    /// <summary>Whether a faulty answer is decided before (true) or after (false) the request takes effect.</summary>
    public bool FaultAfterEffect { get; set; }

    public FaultSettings Clone() => (FaultSettings)MemberwiseClone();
}
