using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Sdk.Testing;

namespace MyMetric.Tests;

/// <summary>The conformance kit's checks: snake_case keys, finite values, zero for a perfect forecast.</summary>
public sealed class MyMetricConformanceTests : MetricConformance
{
    protected override SystemDescription Description { get; } = new(["u", "v"], [16], [1.0], 0.1, false);

    protected override IForecastMetric Create() => new MyMetric(new MyMetricOptions());
}
