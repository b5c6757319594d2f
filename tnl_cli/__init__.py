"""tnl: prepare a collectivity's application to the Label Territoire Numérique Libre."""

__version__ = "0.1.0"
