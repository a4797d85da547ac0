using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Sdk.Testing;
using Xunit.Sdk;

namespace Led.Sdk.Testing.Tests;

/// <summary>The kit's metric checks fail for metrics that break the contract.</summary>
public sealed class MetricConformanceTests
{
    [Fact]
    public void AMetricWithACamelCaseKeyFails() =>
        Assert.ThrowsAny<XunitException>(new Kit("meanError").KeysAreSnakeCaseAndValuesFinite);

    [Fact]
    public void ASnakeCaseErrorMetricPasses()
    {
        var kit = new Kit("mean_error");
        kit.KeysAreSnakeCaseAndValuesFinite();
        kit.APerfectForecastScoresZero();
    }

    private sealed class Kit(string key) : MetricConformance
    {
        protected override SystemDescription Description { get; } = new(["u"], [4], [1.0], 0.1, false);

        protected override IForecastMetric Create() => new MeanAbsoluteError(key);
    }

    private sealed class MeanAbsoluteError(string key) : IForecastMetric
    {
        public IReadOnlyDictionary<string, double> Evaluate(SystemDescription system, ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets, int initialConditions)
        {
            double sum = 0;
            for (int i = 0; i < targets.Length; i++) sum += Math.Abs(predictions[i] - targets[i]);
            return new Dictionary<string, double> { [key] = sum / targets.Length };
        }
    }
}
