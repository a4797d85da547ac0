using Led.Abstractions.Systems;
using Led.Core.Configuration;
using Led.Core.Data;
using Led.Core.Forecasting;
using Led.Core.Stages;
using static TorchSharp.torch;

namespace Led.Core.Tests.Stages;

public class ForecastScoringTests
{
    private static readonly SystemDescription Line = new(["u"], [3], [1.0], 0.1, Periodic: false);

    /// <summary>A forecast of 2 initial conditions over 8 steps (3 points a frame) with errors growing with the step, decoded every <paramref name="every"/>-th step.</summary>
    private static ForecastResult Forecast(int every)
    {
        const int ics = 2, warmup = 2, horizon = 8, frame = 3;
        var test = new TrajectorySet(ics, warmup + horizon, [frame]);
        var random = new Random(1);
        for (int i = 0; i < test.Values.Length; i++) test.Values[i] = random.NextDouble();
        var targets = new double[ics * horizon * frame];
        var persistence = new double[targets.Length];
        for (int i = 0; i < ics; i++)
            for (int t = 0; t < horizon; t++)
            {
                test.Frame(i, warmup + t).CopyTo(targets.AsSpan((i * horizon + t) * frame, frame));
                test.Frame(i, warmup - 1).CopyTo(persistence.AsSpan((i * horizon + t) * frame, frame));
            }
        int decoded = horizon / every;
        var predictions = new double[ics * decoded * frame];
        for (int i = 0; i < ics; i++)
            for (int s = 0; s < decoded; s++)
                for (int x = 0; x < frame; x++)
                {
                    int step = (s + 1) * every - 1;
                    predictions[(i * decoded + s) * frame + x] = targets[(i * horizon + step) * frame + x] + 0.01 * (step + 1) * (x - 1 + i);
                }
        var latent = new LatentForecast(zeros(ics, horizon, 1), zeros(ics, horizon, 1), zeros(ics, warmup + horizon, 1)) { DecodeEvery = every };
        return new ForecastResult(Line, test, warmup, horizon, 1, predictions, targets, persistence, latent, 0, every);
    }

    [Fact]
    public void AForecastDecodedEveryKthStep_IsScoredOnThoseStepsOnly_ReportHorizonsIncluded()
    {
        var options = new ForecastOptions { Horizon = 8, ReportHorizons = [4, 8] };
        var scaler = new MinMaxScaler([0.0], [1.0]);
        using var all = Forecast(1);
        using var halves = Forecast(2);

        var full = new ForecastScoring(options, scaler, []).Score(all);
        var decoded = new ForecastScoring(options, scaler, []).Score(halves);

        var mse = full.Series.First(s => s.Name == "mse");
        double EvenSteps(int upTo) =>
            Enumerable.Range(0, 2).SelectMany(i => Enumerable.Range(1, upTo / 2).Select(s => mse.Values[i, 2 * s - 1])).Average();
        Assert.Equal(4, decoded.Series.First(s => s.Name == "mse").Steps);
        Assert.Equal(EvenSteps(8), decoded.Metrics["mse"], 12);
        Assert.Equal(2, decoded.Metrics["decode_every"]);
        Assert.Equal(4, decoded.Metrics["scored_steps"]);
        Assert.Equal(8, decoded.Metrics["horizon"]);
        Assert.False(full.Metrics.ContainsKey("decode_every"));
        var mnad = full.Series.First(s => s.Name == "mnad");
        double mnadH4 = Enumerable.Range(0, 2).SelectMany(i => new[] { mnad.Values[i, 1], mnad.Values[i, 3] }).Average();
        Assert.Equal(mnadH4, decoded.Metrics["mnad_h4"], 12);
        Assert.NotEqual(full.Metrics["mnad_h4"], decoded.Metrics["mnad_h4"]);
        var persistence = full.Baseline.First(s => s.Name == "mnad");
        Assert.Equal(Enumerable.Range(0, 2).SelectMany(i => Enumerable.Range(0, 4).Select(t => persistence.Values[i, t])).Average(), full.Metrics["mnad_persistence_h4"], 12);
    }

    [Fact]
    public void TheValidTime_IsTheMeanOfTheValidStepsTimesTheCoarseStep_AndInLyapunovTimesWhenOneIsSet()
    {
        var scaler = new MinMaxScaler([0.0], [1.0]);
        using var all = Forecast(1);
        using var halves = Forecast(2);
        var options = new ForecastOptions { Horizon = 8, ValidTimeThreshold = 0.05, LyapunovTime = 0.4 };

        var full = new ForecastScoring(options, scaler, []).Score(all);
        var decoded = new ForecastScoring(options, scaler, []).Score(halves);
        var plain = new ForecastScoring(new ForecastOptions { Horizon = 8 }, scaler, []).Score(all);

        var nrmse = full.Series.First(s => s.Name == "nrmse_std");
        double ValidSteps(int ic) => Enumerable.Range(0, 8).TakeWhile(t => nrmse.Values[ic, t] <= 0.05).Count();
        double expected = (ValidSteps(0) + ValidSteps(1)) / 2 * 0.1;
        Assert.InRange(expected, 0.1, 0.7);                              // the threshold falls inside the horizon
        Assert.Equal(expected, full.Metrics["valid_time"], 12);
        Assert.Equal(expected / 0.4, full.Metrics["valid_lyapunov_times"], 12);
        Assert.True(full.Metrics["valid_time_persistence"] < full.Metrics["valid_time"]);
        Assert.Contains(full.Baseline, s => s.Name == "nrmse_std");
        var decodedNrmse = decoded.Series.First(s => s.Name == "nrmse_std");   // σ of the decoded targets, steps 2, 4, …
        double DecodedValid(int ic) => Enumerable.Range(0, 4).TakeWhile(t => decodedNrmse.Values[ic, t] <= 0.05).Count();
        Assert.Equal((DecodedValid(0) + DecodedValid(1)) / 2 * 0.2, decoded.Metrics["valid_time"], 12);   // 2 × 0.1 per decoded step
        Assert.False(plain.Metrics.ContainsKey("valid_lyapunov_times"));
        Assert.Equal(0.8, plain.Metrics["valid_time"], 12);              // 0.5 is never reached: the whole horizon
    }

    /// <summary>Records the time step of the frames a metric component is handed.</summary>
    private sealed class TimeStepProbe : Led.Abstractions.Learning.IForecastMetric
    {
        public IReadOnlyDictionary<string, double> Evaluate(SystemDescription system, ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets, int initialConditions) =>
            new Dictionary<string, double> { ["probe_dt"] = system.CoarseTimeStep, ["probe_frames"] = targets.Length / system.Size };
    }

    [Fact]
    public void MetricComponents_OfAForecastDecodedEveryKthStep_SeeFramesKCoarseStepsApart()
    {
        var options = new ForecastOptions { Horizon = 8 };
        var scaler = new MinMaxScaler([0.0], [1.0]);
        using var all = Forecast(1);
        using var halves = Forecast(2);

        var full = new ForecastScoring(options, scaler, [new TimeStepProbe()]).Score(all);
        var decoded = new ForecastScoring(options, scaler, [new TimeStepProbe()]).Score(halves);

        Assert.Equal((0.1, 16.0), (full.Metrics["probe_dt"], full.Metrics["probe_frames"]));
        Assert.Equal(0.2, decoded.Metrics["probe_dt"], 15);
        Assert.Equal(8, decoded.Metrics["probe_frames"]);
    }

    [Fact]
    public void OnDecodedSteps_PairsThePredictionsWithTheTargetsOfStepsKTwoKAndSoOn()
    {
        using var thirds = Forecast(3);

        var view = thirds.OnDecodedSteps();

        Assert.Equal(2, view.Horizon);                                   // steps 3 and 6 of 8
        Assert.Equal(thirds.Targets.AsSpan((0 * 8 + 2) * 3, 3).ToArray(), view.Targets.AsSpan(0, 3).ToArray());
        Assert.Equal(thirds.Targets.AsSpan((1 * 8 + 5) * 3, 3).ToArray(), view.Targets.AsSpan((1 * 2 + 1) * 3, 3).ToArray());
        Assert.Same(thirds.Predictions, view.Predictions);
        using var every = Forecast(1);
        Assert.Same(every, every.OnDecodedSteps());
    }
}
