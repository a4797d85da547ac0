using System.Text.RegularExpressions;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Xunit;

namespace Led.Sdk.Testing;

/// <summary>
/// What every forecast metric plugin must do. Inherit it in the plugin's tests and implement <see cref="Description"/> and
/// <see cref="Create"/>.
/// </summary>
public abstract partial class MetricConformance
{
    /// <summary>The system whose forecasts the metric scores.</summary>
    protected abstract SystemDescription Description { get; }

    /// <summary>The metric with the options under test.</summary>
    protected abstract IForecastMetric Create();

    /// <summary>Whether a perfect forecast scores exactly 0 on every key (true for error metrics).</summary>
    protected virtual bool PerfectForecastScoresZero => true;

    /// <summary>States <c>[ic, t, …shape]</c> flattened: smooth, positive, different per IC and time.</summary>
    private double[] States(int initialConditions, int steps, double shift)
    {
        int size = Description.Size;
        var states = new double[initialConditions * steps * size];
        for (int i = 0; i < states.Length; i++)
        {
            int frame = i / size, point = i % size;
            states[i] = 1.5 + Math.Sin(0.3 * frame + 0.7 * point + shift);
        }
        return states;
    }

    /// <summary>Keys are lower-case snake_case and every value is finite.</summary>
    [Fact]
    public void KeysAreSnakeCaseAndValuesFinite()
    {
        var scores = Create().Evaluate(Description, States(3, 5, 0.4), States(3, 5, 0), 3);
        Assert.NotEmpty(scores);
        foreach (var (key, value) in scores)
        {
            Assert.Matches(SnakeCase(), key);
            Assert.True(double.IsFinite(value), $"{key} = {value}");
        }
    }

    /// <summary>A perfect forecast scores 0 (where <see cref="PerfectForecastScoresZero"/>), and an imperfect one does not.</summary>
    [Fact]
    public void APerfectForecastScoresZero()
    {
        if (!PerfectForecastScoresZero) return;
        var truth = States(2, 4, 0);
        var metric = Create();
        Assert.All(metric.Evaluate(Description, truth, truth, 2), s => Assert.Equal(0.0, s.Value));
        Assert.Contains(metric.Evaluate(Description, States(2, 4, 0.9), truth, 2), s => s.Value != 0);
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
