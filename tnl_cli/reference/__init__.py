"""Reference data shipped with tnl: the official geography and the software catalog."""
