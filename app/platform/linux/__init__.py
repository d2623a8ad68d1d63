"""Linux enforcement: accounts, the nftables firewall, CA trust."""
