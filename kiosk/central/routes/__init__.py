"""The central API's routes, one module per part of docs/central-api.md."""
