using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Autoencoders.Pca;

/// <summary>
/// PCA fitted on the scaled training frames (centred, duplicate frames removed as the reference does): z = (x − μ)Vᵀ,
/// x̂ = zV + μ with V the leading d_z right singular vectors — from a full SVD through TorchSharp
/// (<see cref="PcaSolver.Exact"/>) or from a streamed randomized SVD (<see cref="PcaSolver.Randomized"/>,
/// <see cref="RandomizedSvd"/>).
/// </summary>
public sealed class PcaAutoencoder : IAutoencoder, IFittable, IFastDecoderSource, IDisposable
{
    private readonly IDeviceContext _device;
    private readonly int[] _shape;
    private readonly int _size;
    private Tensor? _mean;
    private Tensor? _components;
    private bool _disposed;
    private readonly PcaOptions _options;

    public PcaAutoencoder(PcaOptions options, SystemDescription system, IDeviceContext device)
    {
        _device = device;
        _shape = system.Shape;
        _size = system.Size;
        options.CheckShapes(system, null);
        _options = options;
        LatentDim = options.LatentDim;
    }

    public int LatentDim { get; }

    /// <summary>Fraction of the training variance each kept component explains.</summary>
    public double[] ExplainedVarianceRatio { get; private set; } = [];

    public Tensor Encode(Tensor states)
    {
        var (mean, components) = Fitted();
        using var flat = Flatten(states);
        using var centred = flat - mean;
        return centred.matmul(components.t());
    }

    public Tensor Decode(Tensor latents)
    {
        var (mean, components) = Fitted();
        using var flat = latents.matmul(components).add_(mean);
        return flat.reshape([latents.shape[0], .. _shape.Select(d => (long)d)]);
    }

    /// <summary>The fitted mean and components on plain arrays.</summary>
    public IFastDecoder CompileDecoder()
    {
        var (mean, components) = Fitted();
        return new PcaFastDecoder(mean.cpu().to(ScalarType.Float64).data<double>().ToArray(),
            components.cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray(), LatentDim);
    }

    public void Fit(FitData data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_options.Solver == PcaSolver.Randomized)
        {
            FitRandomized(data);
            return;
        }
        using var scope = NewDisposeScope();
        var frames = cat(data.Training.Select(Flatten).ToArray(), 0).to(ScalarType.Float64).cpu();
        var unique = DistinctRows(frames.data<double>().ToArray()).to(_device.DType).to(_device.Device);
        RequireFrames(unique.shape[0]);
        var mean = unique.mean([0], keepdim: true);
        var (_, s, vh) = linalg.svd(unique - mean, fullMatrices: false);
        var variance = s.square();
        ExplainedVarianceRatio = (variance[..LatentDim] / variance.sum()).cpu().to(ScalarType.Float64).data<double>().ToArray();
        Replace(mean, vh[..LatentDim].contiguous());
    }

    private void FitRandomized(FitData data)
    {
        using var scope = NewDisposeScope();
        var frames = new DistinctFrames(data.Training.Select(Flatten), _size, _options.ChunkRows);
        RequireFrames(frames.Count);
        var (components, singular, total) = RandomizedSvd.Compute(frames, LatentDim, _options.Oversampling, _options.PowerIterations, _options.Seed);
        ExplainedVarianceRatio = singular.Take(LatentDim).Select(s => s * s / total).ToArray();
        Replace(tensor(frames.Mean, [1, _size]), components);
    }

    private void RequireFrames(long count)
    {
        if (count < LatentDim)
            throw new ArgumentException($"PCA needs at least latentDim = {LatentDim} distinct training frames, got {count}");
    }

    public void Save(Stream stream)
    {
        var (mean, components) = Fitted();
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write("led-pca-v1");
        writer.Write(LatentDim);
        writer.Write(_size);
        foreach (var v in mean.cpu().to(ScalarType.Float64).data<double>()) writer.Write(v);
        foreach (var v in components.cpu().to(ScalarType.Float64).data<double>()) writer.Write(v);
    }

    public void Load(Stream stream)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != "led-pca-v1") throw new InvalidDataException("not a saved PCA model");
        int latent = reader.ReadInt32(), size = reader.ReadInt32();
        if (latent != LatentDim || size != _size)
            throw new InvalidDataException($"saved PCA has d_z = {latent} on {size} values; this one is configured for d_z = {LatentDim} on {_size}");
        var mean = Enumerable.Range(0, size).Select(_ => reader.ReadDouble()).ToArray();
        var components = Enumerable.Range(0, latent * size).Select(_ => reader.ReadDouble()).ToArray();
        Replace(tensor(mean, [1, size]), tensor(components, [latent, size]));
    }

    /// <summary>The rows of a [N, size] array with exact duplicates removed, in first-seen order.</summary>
    private Tensor DistinctRows(double[] values)
    {
        var kept = Led.Toolkit.Learning.DistinctRows.Of(values, _size);
        return tensor(kept, [kept.Length / _size, _size]);
    }

    private void Replace(Tensor mean, Tensor components)
    {
        _mean?.Dispose();
        _components?.Dispose();
        _mean = mean.to(_device.DType).to(_device.Device).DetachFromDisposeScope();
        _components = components.to(_device.DType).to(_device.Device).DetachFromDisposeScope();
    }

    private (Tensor Mean, Tensor Components) Fitted()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _mean is null || _components is null
            ? throw new InvalidOperationException("the PCA has not been fitted: call Fit (training) or Load (a trained model) first")
            : (_mean, _components);
    }

    /// <summary>Releases the fitted mean and components; the PCA cannot be used afterwards. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _mean?.Dispose();
        _components?.Dispose();
        (_mean, _components) = (null, null);
    }

    private Tensor Flatten(Tensor states)
    {
        if (states.numel() % _size != 0 || states.shape[^_shape.Length..].Aggregate(1L, (a, b) => a * b) != _size)
            throw new ArgumentException($"expected states [B, {string.Join(", ", _shape)}], got [{string.Join(", ", states.shape)}]");
        return states.reshape(-1, _size);
    }
}
