using Led.Abstractions.Learning;
using Led.Abstractions.Plugins;
using Led.Hosting.Components;
using Led.Hosting.Plugins;
using TorchSharp;

namespace Led.Hosting.Tests.Components;

public sealed class ComponentRegistryTests
{
    private static LoadedPlugin Plugin(string path, params ComponentRegistration[] components) => new("Capabilities", "1.0.0", path, components);

    [Fact]
    public void AComponentThatIsBothTrainableAndFittableOrNeitherIsAPluginProblemAndOfferedByNone()
    {
        var registry = new ComponentRegistry([Plugin("/plugins/Capabilities/Capabilities.dll",
            new(ComponentKind.Propagator, "Both", typeof(BothPropagator), typeof(object)),
            new(ComponentKind.Autoencoder, "Neither", typeof(NeitherAutoencoder), typeof(object)),
            new(ComponentKind.Propagator, "Fitted", typeof(FittedPropagator), typeof(object)))]);

        Assert.Equal(2, registry.Problems.Count);
        var both = Assert.Single(registry.Problems, p => p.Reason.StartsWith("propagator 'Both' is offered by none: ", StringComparison.Ordinal));
        Assert.Equal("/plugins/Capabilities/Capabilities.dll", both.Path);
        Assert.EndsWith($"{typeof(BothPropagator).FullName} implements both ITrainable and IFittable, so it is unclear whether to train it by " +
                        "gradient or fit it in closed form: implement one of them", both.Reason);
        var neither = Assert.Single(registry.Problems, p => p.Reason.StartsWith("autoencoder 'Neither' is offered by none: ", StringComparison.Ordinal));
        Assert.Contains("implements neither ITrainable nor IFittable, so it can be neither trained nor fitted", neither.Reason);

        Assert.False(registry.TryFind(ComponentKind.Propagator, "both", out _, out var error));
        Assert.Equal($"'both' cannot be used, its plugin has a problem: {both}", error);
        Assert.False(registry.TryFind(ComponentKind.Autoencoder, "Neither", out _, out _));
        // The plugin's valid component is still offered.
        Assert.True(registry.TryFind(ComponentKind.Propagator, "Fitted", out var fitted, out _));
        Assert.Equal(typeof(FittedPropagator), fitted!.ImplementationType);
        Assert.Equal(["Fitted"], registry.All.Select(c => c.Registration.Name));
    }

    [Fact]
    public void ABuiltInNameWinsOverAThirdPartyOneWhichIsNamedAndKeepsItsOtherComponents()
    {
        var builtIn = new LoadedPlugin("Led.Propagators.Fitted", "2.0.0", "/host/plugins/Led.Propagators.Fitted/Led.Propagators.Fitted.dll",
            [new(ComponentKind.Propagator, "Fitted", typeof(FittedPropagator), typeof(object))], BuiltIn: true);
        var thirdParty = new LoadedPlugin("Mine", "1.0.0", "/home/me/plugins/Mine/Mine.dll",
        [
            new(ComponentKind.Propagator, "fitted", typeof(FittedPropagator), typeof(object)),
            new(ComponentKind.Propagator, "Other", typeof(FittedPropagator), typeof(object)),
        ]);

        foreach (var order in new[] { new[] { builtIn, thirdParty }, [thirdParty, builtIn] })
        {
            var registry = new ComponentRegistry(order);

            var problem = Assert.Single(registry.Problems);
            Assert.Equal("/home/me/plugins/Mine/Mine.dll: propagator 'fitted' is also a built-in component (Led.Propagators.Fitted), which wins: " +
                         "rename it in Mine to use it", problem.ToString());
            Assert.True(registry.TryFind(ComponentKind.Propagator, "Fitted", out _, out _));
            Assert.Equal([builtIn, thirdParty], registry.All.Select(c => c.Plugin));
        }
    }

    [Fact]
    public void RulesOnlyConcernAutoencodersAndPropagatorsAndMoreCanBeGiven()
    {
        var registration = new ComponentRegistration(ComponentKind.Propagator, "Fitted", typeof(FittedPropagator), typeof(object));
        Assert.Null(new TrainedOrFittedRule().Check(registration));
        Assert.Null(new TrainedOrFittedRule().Check(new ComponentRegistration(ComponentKind.Metric, "M", typeof(object), typeof(object))));

        var registry = new ComponentRegistry([Plugin("/p.dll", registration)], [new NamedRule("no propagators named Fitted")]);
        Assert.Equal("/p.dll: propagator 'Fitted' is offered by none: no propagators named Fitted", Assert.Single(registry.Problems).ToString());
        Assert.Empty(registry.All);
    }

    private sealed class NamedRule(string message) : IRegistrationRule
    {
        public string? Check(ComponentRegistration registration) => registration.Name == "Fitted" ? message : null;
    }

    private class NeitherAutoencoder : IAutoencoder
    {
        public int LatentDim => 1;

        public torch.Tensor Encode(torch.Tensor states) => throw new NotSupportedException("only the type is checked");

        public torch.Tensor Decode(torch.Tensor latents) => throw new NotSupportedException("only the type is checked");
    }

    private class FittedPropagator : ILatentPropagator, IFittable
    {
        public PropagatorState Start(int batchSize) => throw new NotSupportedException("only the type is checked");

        public torch.Tensor Forward(PropagatorState state, torch.Tensor latents) => throw new NotSupportedException("only the type is checked");

        public void Fit(FitData data) => throw new NotSupportedException("only the type is checked");

        public void Save(Stream stream) => throw new NotSupportedException("only the type is checked");

        public void Load(Stream stream) => throw new NotSupportedException("only the type is checked");
    }

    private sealed class BothPropagator : FittedPropagator, ITrainable
    {
        public torch.nn.Module Module => throw new NotSupportedException("only the type is checked");
    }
}
