using Led.Abstractions.Systems;
using Led.Core.Forecasting;
using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Stages;

/// <summary>
/// The speed stage: seconds per coarse step of the micro solver and of the latent path (batch 1) from the same state
/// in the same process, with and without the decoder, through the tensor library and through the components' compiled
/// path where they offer one; speed-ups are the solver's time over the latent path's. Labels: <c>latent</c> propagator
/// only, <c>latent_decoded</c> decoder at every step, and, with <c>forecast.decodeEvery</c> k &gt; 1,
/// <c>latent_decoded_every_k</c> decoder at every k-th step (<c>decode_every</c> k).
/// </summary>
public sealed class SpeedStage(IDynamicalSystem system, StageContext context, int decodeEvery = 1)
{
    public Dictionary<string, double> Measure(LedModel model, ForecastResult forecast)
    {
        var metrics = new Dictionary<string, double>();
        int warmup = forecast.Warmup;
        using var first = forecast.Latent.EncodedTruth[0, warmup - 1].clone();
        double micro = SpeedMeasurement.MicroSolver(system, forecast.Test.Frame(0, warmup - 1).ToArray());
        using var start = model.LatentScaler?.Scale(first) ?? first.alias();
        metrics["micro_seconds_per_step"] = micro;
        Add(metrics, micro, "", SpeedMeasurement.Latent(model.Autoencoder, model.Propagator, model.LatentScaler, start, decodeEvery: decodeEvery));
        using var startLatent = start.to(ScalarType.Float64).cpu();
        if (SpeedMeasurement.FastLatent(model.Autoencoder, model.Propagator, model.LatentScaler, startLatent.data<double>().ToArray(),
                dtype: context.Device.DType, decodeEvery: decodeEvery) is { } fast)
            Add(metrics, micro, "_fast", fast);
        if (decodeEvery > 1) metrics["decode_every"] = decodeEvery;
        return metrics;
    }

    /// <summary>Seconds per step and speed-ups of one path (<paramref name="suffix"/>: "" tensor library, "_fast" compiled).</summary>
    private void Add(Dictionary<string, double> metrics, double micro, string suffix, LatentTiming timing)
    {
        metrics[$"latent{suffix}_seconds_per_step"] = timing.Propagator;
        metrics[$"latent_decoded{suffix}_seconds_per_step"] = timing.WithDecoder;
        metrics[$"speedup_latent{suffix}"] = micro / timing.Propagator;
        metrics[$"speedup_latent_decoded{suffix}"] = micro / timing.WithDecoder;
        if (decodeEvery == 1) return;
        metrics[$"latent_decoded_every_k{suffix}_seconds_per_step"] = timing.WithDecoderEveryK;
        metrics[$"speedup_latent_decoded_every_k{suffix}"] = micro / timing.WithDecoderEveryK;
    }

    /// <summary>A speed-up as a person reads it: one decimal under 10 (<c>0.4×</c>, <c>3.7×</c>), whole numbers above (<c>150×</c>).</summary>
    public static string Format(double speedup) =>
        speedup < 10 ? speedup.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "×"
                     : speedup.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "×";
}
