"""The insights app's pages: dashboards and exports, care signals, API tokens."""
