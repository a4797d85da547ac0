using Led.Core.Data;
using Led.Core.Metrics;
using PureHDF;

namespace Led.Core.Forecasting;

/// <summary>
/// Writes a forecast as HDF5 (readable by h5py): <c>predictions</c> <c>[ic, t, …observable shape]</c> (an ensemble's
/// <c>[ic, member, t, …]</c>) and <c>targets</c> <c>[ic, t, …]</c> in physical units, <c>latent_predictions</c>
/// <c>[ic·members, t, d_z]</c>, <c>latent_targets</c> (encodings of the true states, warm-up included) and every error
/// series <c>errors/&lt;name&gt; [ic, t]</c>; attributes <c>dt</c>, <c>warmup</c>, <c>ensemble</c>, and <c>decode_every</c> k when
/// the states were decoded at steps k, 2k, … only (predictions, targets and errors then hold those steps; the latents every step).
/// </summary>
public static class ForecastFile
{
    public static void Write(string path, double[] predictions, long[] predictionShape, double[] targets, long[] shape, double[] latents, long[] latentShape,
        double[] encodedTruth, long[] encodedShape, IReadOnlyList<ErrorSeries> errors, double dt, int warmup, int members = 1, int decodeEvery = 1)
    {
        static ulong[] Dims(long[] s) => s.Select(d => (ulong)d).ToArray();
        var errorGroup = new H5Group();
        foreach (var series in errors) errorGroup[series.Name] = series.Values;
        var file = new H5File
        {
            ["predictions"] = new H5Dataset(predictions, fileDims: Dims(predictionShape)),
            ["targets"] = new H5Dataset(targets, fileDims: Dims(shape)),
            ["latent_predictions"] = new H5Dataset(latents, fileDims: Dims(latentShape)),
            ["latent_targets"] = new H5Dataset(encodedTruth, fileDims: Dims(encodedShape)),
            ["errors"] = errorGroup,
        };
        file.Attributes["dt"] = dt;
        file.Attributes["warmup"] = warmup;
        file.Attributes["ensemble"] = members;
        if (decodeEvery > 1) file.Attributes["decode_every"] = decodeEvery;
        DatasetFile.WriteAtomically(path, p => file.Write(p));
    }
}
