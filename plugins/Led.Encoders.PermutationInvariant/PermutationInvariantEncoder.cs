using Led.Abstractions.Learning;
using Led.Abstractions.Observables;
using Led.Abstractions.Systems;
using Led.Toolkit.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Encoders.PermutationInvariant;

/// <summary>
/// Encodes a point set <c>[B, N, D]</c> without regard to the order of its points: a per-point MLP φ
/// (<c>point_mlp</c>, D → … → F, tanh between layers) applied to every point, a symmetric pooling over the points (mean,
/// min or max per feature), then an MLP ρ (<c>mlp</c>, F → … → d_z): z = ρ(pool_i φ(x_i)). With
/// <see cref="PermutationInvariantEncoderOptions.Particles"/> = M only the first M points are encoded. Initialisation
/// as the reference: Xavier-uniform weights, biases 0.001.
/// </summary>
public sealed class PermutationInvariantEncoder : IEncoder, ITrainable, IDisposable
{
    private readonly Network _network;
    private readonly Pooling _pooling;
    private readonly int _points;

    public PermutationInvariantEncoder(PermutationInvariantEncoderOptions options, SystemDescription system, IDeviceContext device)
    {
        options.CheckShapes(system, null);
        var points = (PointSetObservable)system.Observable;
        _points = options.Particles == 0 ? points.Points : options.Particles;
        _pooling = options.Pooling;
        LatentDim = options.LatentDim;
        _network = new Network([points.Dimensions.Count, .. options.PointLayers], [options.PointLayers[^1], .. options.Layers, options.LatentDim]);
        _network.to(device.DType).to(device.Device);
        ReferenceInitialisation.Apply(_network);
    }

    public int LatentDim { get; }

    public nn.Module Module => _network;

    public Tensor Encode(Tensor states)
    {
        using var scope = NewDisposeScope();
        var features = _network.PointMlp.forward(states.narrow(1, 0, _points));            // [B, M, F]
        var pooled = _pooling switch
        {
            Pooling.Mean => features.mean([1]),
            Pooling.Min => features.amin([1]),
            Pooling.Max => features.amax([1]),
            _ => throw new InvalidOperationException($"unknown pooling {_pooling}"),
        };
        return _network.Mlp.forward(pooled).MoveToOuterDisposeScope();
    }

    public void Dispose() => _network.Dispose();

    private sealed class Network : nn.Module
    {
        public Network(int[] pointSizes, int[] sizes) : base("PermutationInvariantEncoder")
        {
            PointMlp = Toolkit.Learning.Mlp.Create(pointSizes);
            Mlp = Toolkit.Learning.Mlp.Create(sizes);
            register_module("point_mlp", PointMlp);
            register_module("mlp", Mlp);
        }

        public TorchSharp.Modules.Sequential PointMlp { get; }

        public TorchSharp.Modules.Sequential Mlp { get; }

        protected override void RegisterComponents() { }
    }
}
