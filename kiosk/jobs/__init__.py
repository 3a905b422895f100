"""The find-a-job flow without a screen: query state, what cards show, the slip, interest."""
