using Led.Core;
using Led.Hosting.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Led.Hosting.Components;

/// <summary>Creates an experiment's components: constructor arguments come from the bound options, the given context and the container.</summary>
public sealed class ComponentFactory(IServiceProvider services, Experiment experiment) : IComponentFactory
{
    public bool IsConfigured(string section) => experiment.Components.ContainsKey(section);

    public object Create(string section, params object[] context)
    {
        if (!experiment.Components.TryGetValue(section, out var component))
            throw new InvalidOperationException($"the config has no '{section}' section: add one naming a component (see `led plugins`)");
        try
        {
            return ActivatorUtilities.CreateInstance(services, component.Registration.ImplementationType, [component.Options, .. context]);
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}
